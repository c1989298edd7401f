class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

let caught;
try {
  throw new ValidationError('email', 'Email is required');
} catch (err) {
  caught = [err instanceof ValidationError, err instanceof Error, err.name, err.field, err.message];
}
caught;
