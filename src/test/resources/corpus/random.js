var v = [];
for (var i = 0; i < 5; i++) v.push(Math.floor(Math.random() * 1000000));
v.join();
