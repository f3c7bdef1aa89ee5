/**
 * A small subset of Tor's control protocol (control-spec) on a loopback port, so that an operator
 * or a script (for example with stem) can ask for a new identity: PROTOCOLINFO, AUTHENTICATE with a
 * cookie file, SIGNAL NEWNYM, QUIT.
 */
package dev.socksgate.app.control;
