/**
 * pe-calc's exit statuses (listed in the README). An Excel error in a result is a result: it does
 * not change the status.
 */
export const EXIT_OK = 0;
/** Some input could not be processed (a file that cannot be read or used, a formula that does not parse). */
export const EXIT_INPUT_ERROR = 1;
/** The command line itself is wrong: unknown command or option. */
export const EXIT_USAGE = 2;
/** Something pe-calc did not foresee (a bug): one line asking to report it (EX_SOFTWARE in sysexits.h). */
export const EXIT_INTERNAL_ERROR = 70;
