// needs: Array.from
const squares = Array.from({ length: 5 }, (_, i) => i * i);
squares;
