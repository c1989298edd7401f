const input = '   Hello Modern World  ';
const slug = input.trim().toLowerCase().split(' ').join('-');
slug;
