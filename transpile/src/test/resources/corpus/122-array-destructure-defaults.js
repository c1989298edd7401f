const [first = 'none', second = 'none'] = ['only'];
[first, second];
