const csvLine = 'name, age ,city,  country';
csvLine.split(/\s*,\s*/);
