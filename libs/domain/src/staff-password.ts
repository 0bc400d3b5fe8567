/**
 * What a staff account's password must be: at least 10 characters with a letter and a digit (the demo
 * password is not good enough for a real account). The admin API and the first-administrator command share it.
 */
export const STAFF_PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{10,128}$/;
export const STAFF_PASSWORD_RULE = 'password must be 10 to 128 characters with at least one letter and one digit';
