const chunk = (arr, size) =>
  arr.reduce((chunks, item, i) => {
    if (i % size === 0) chunks.push([]);
    chunks[chunks.length - 1].push(item);
    return chunks;
  }, []);
chunk([1, 2, 3, 4, 5, 6, 7], 3);
