var chunks = [];
for (var i = 0; ; i++) chunks.push(new Array(1000).join('x') + i);
