const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
'the quick brown fox'.split(' ').map(capitalize).join(' ');
