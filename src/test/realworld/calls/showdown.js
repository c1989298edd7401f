// file: showdown/dist/showdown.js
// block-level parsing reads the legacy RegExp.$1 and RegExp.$2, which the engine does not have
// differs: TypeError
new showdown.Converter().makeHtml('# Hello\n\n*world* and **bold**')
// differs: TypeError
new showdown.Converter().makeHtml('- a\n- b\n\n1. x\n2. y')
new showdown.Converter().makeHtml('[link](http://example.com "title") and `code` <b>&</b>')
// differs: TypeError
new showdown.Converter({tables: true}).makeHtml('| a | b |\n|---|---|\n| 1 | 2 |')
// differs: TypeError
new showdown.Converter().makeHtml('```\nvar x = 1 < 2;\n```')
// differs: TypeError
new showdown.Converter().makeHtml('> quote\n\n---\n\n![img](a.png)')
