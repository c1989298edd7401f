const makeUser = (name, age) => ({ name, age, isAdult: age >= 18 });
makeUser('Ana', 20);
