// file: papaparse/papaparse.js
Papa.parse('a,b,c\n1,2,3\n4,5,6').data
Papa.parse('name,age\nAda,36\nAlan,41', {header: true, dynamicTyping: true}).data
Papa.parse('"quoted, field","with ""escaped"" quotes"\nx,y').data
Papa.parse('a;b\n1;2', {delimiter: ';'}).data
Papa.unparse([{a: 1, b: 'x,y'}, {a: 2, b: 'z'}])
Papa.unparse([['h1', 'h2'], ['1', '2']])
Papa.parse('a,b\n1', {header: true}).errors
Papa.parse('x\ty\n1\t2').meta.delimiter
Papa.parse('a,b\n\n1,2', {skipEmptyLines: true}).data
