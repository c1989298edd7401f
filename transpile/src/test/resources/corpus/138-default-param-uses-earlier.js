const createRect = (width, height = width, label = `${width}x${height}`) => ({ width, height, label });
[createRect(3), createRect(2, 5)];
