export { consoleActor } from './console-actor.js';
export { startConsole } from './register.js';
