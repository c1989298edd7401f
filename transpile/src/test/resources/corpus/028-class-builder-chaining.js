class QueryBuilder {
  constructor() {
    this.parts = [];
  }

  select(...fields) {
    this.parts.push(`SELECT ${fields.join(', ')}`);
    return this;
  }

  from(table) {
    this.parts.push(`FROM ${table}`);
    return this;
  }

  where(condition) {
    this.parts.push(`WHERE ${condition}`);
    return this;
  }

  build() {
    return this.parts.join(' ');
  }
}
new QueryBuilder().select('id', 'name').from('users').where('age > 18').build();
