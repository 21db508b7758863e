/** Integration tests of sockd inside a real Felix framework; nothing here is exported. */
package org.sockd.itest;
