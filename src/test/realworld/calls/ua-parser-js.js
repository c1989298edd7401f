// file: ua-parser-js/src/ua-parser.js
// load-error: SyntaxError: nothing to repeat
// a lone `{` in a regular expression, refused as with the u flag, which the engine always applies
new UAParser('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36').getResult()
new UAParser('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1').getDevice()
new UAParser('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0').getBrowser()
new UAParser('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36').getOS()
new UAParser('curl/8.4.0').getResult().browser
