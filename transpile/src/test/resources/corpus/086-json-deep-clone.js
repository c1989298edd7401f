const original = { name: 'cfg', list: [1, { deep: true }] };
const clone = JSON.parse(JSON.stringify(original));
clone.list[1].deep = false;
[original.list[1].deep, clone.list[1].deep];
