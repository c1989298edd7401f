// file: lz-string/libs/lz-string.js
LZString.compressToBase64('hello hello hello hello')
LZString.decompressFromBase64(LZString.compressToBase64('Lorem ipsum dolor sit amet, lorem ipsum'))
LZString.compressToEncodedURIComponent('a=1&b=2&c=hello world')
LZString.decompress(LZString.compress('abcabcabcabc'))
LZString.compressToUTF16('aaaaaaaaaa').length
LZString.decompressFromEncodedURIComponent(LZString.compressToEncodedURIComponent('\u00e9t\u00e9 \u2603'))
