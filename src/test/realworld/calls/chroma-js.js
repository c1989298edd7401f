// file: chroma-js/chroma.js
// chroma(...) constructs through a bound function (not a constructor in the engine), and
// its colour spaces write past the end of arrays (invalid array subscript)
// differs: TypeError
chroma('#D4F880').darken().hex()
// differs: TypeError
chroma.mix('red', 'blue', 0.5).hex()
// differs: TypeError
chroma.scale(['yellow', '008ae5']).mode('lab').colors(5)
// differs: TypeError
chroma('hotpink').rgb()
chroma.contrast('pink', 'hotpink')
// differs: TypeError
chroma.hsl(330, 1, 0.6).css()
// differs: TypeError
chroma('orange').luminance()
// differs: TypeError
chroma('#ff000080').alpha()
