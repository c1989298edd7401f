// file: validator/validator.js
// load-error: SyntaxError: invalid class range
// /[^\s-_]/: a class escape as a range end, refused as with the u flag, which the engine always applies
validator.isEmail('foo@bar.com')
validator.isURL('https://example.com/path?q=1')
validator.isIP('192.168.0.1')
validator.escape('<a href="x">')
validator.isUUID('9b2f6a3e-6c1a-4b8e-9f7a-1c2d3e4f5a6b')
