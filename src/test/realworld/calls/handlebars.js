// file: handlebars/dist/handlebars.js
// compile and templates run for...in over undefined options (the engine throws) and write
// past the end of arrays (invalid array subscript)
// differs: TypeError
Handlebars.compile('Hello {{name}}!')({name: 'World'})
// differs: TypeError
Handlebars.compile('{{#each items}}<li>{{this}}</li>{{/each}}')({items: ['a', 'b']})
// differs: TypeError
Handlebars.compile('{{#if ok}}yes{{else}}no{{/if}}')({ok: false})
// differs: TypeError
Handlebars.compile('{{title}} {{{title}}}')({title: '<b>&</b>'})
// differs: TypeError
typeof Handlebars.precompile('Hi {{x}}')
Handlebars.Utils.escapeExpression('<a href="x">')
