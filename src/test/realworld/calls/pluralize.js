// file: pluralize/pluralize.js
pluralize('test')
pluralize('person')
pluralize('test', 1, true)
pluralize.singular('wolves')
pluralize.plural('octopus')
pluralize.isPlural('sheep')
pluralize('box', 5, true)
