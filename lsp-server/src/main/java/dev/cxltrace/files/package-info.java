/**
 * File access for the faces (command line, language server, debug adapter): what the language
 * core, which does no I/O, asks of the file system.
 */
package dev.cxltrace.files;
