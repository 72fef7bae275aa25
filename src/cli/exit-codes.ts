/** pe-calc's exit statuses. An Excel error in a result is a result: it does not change the status. */
export const EXIT_OK = 0;
/** Some input could not be processed (e.g. a formula that does not parse); the rest was. */
export const EXIT_INPUT_ERROR = 1;
/** The command line itself is wrong: unknown command or option. */
export const EXIT_USAGE = 2;
