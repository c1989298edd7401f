const email = 'grace.hopper@navy.mil';
const [user, domain] = email.split('@');
const [first, last] = user.split('.');
({ first, last, domain });
