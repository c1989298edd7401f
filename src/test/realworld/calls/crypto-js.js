// file: crypto-js/crypto-js.js
// load-error: SyntaxError: catch variable already exists
// two `catch (err)` in one function, which the engine's catch scoping refuses
CryptoJS.MD5('hello').toString()
CryptoJS.SHA1('hello').toString()
CryptoJS.SHA256('The quick brown fox').toString()
CryptoJS.HmacSHA256('message', 'secret').toString(CryptoJS.enc.Base64)
CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('h\u00e9llo'))
CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Base64.parse('aMOpbGxv'))
CryptoJS.AES.encrypt('secret text', CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: CryptoJS.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).ciphertext.toString()
CryptoJS.AES.decrypt(CryptoJS.enc.Base64.parse('xgr6k7j8z4kHu3K0H6mS3w==').toString(CryptoJS.enc.Base64), CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), {iv: CryptoJS.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100')}).sigBytes
CryptoJS.SHA3('abc', {outputLength: 256}).toString()
CryptoJS.PBKDF2('password', 'salt', {keySize: 4, iterations: 10}).toString()
