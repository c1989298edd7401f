const isPalindrome = (s) => {
  const clean = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return clean === [...clean].reverse().join('');
};
['Racecar', 'A man, a plan, a canal: Panama', 'hello'].map(isPalindrome);
