let vowels = 0;
for (const ch of 'transpilation') {
  if ('aeiou'.indexOf(ch) !== -1) vowels++;
}
vowels;
