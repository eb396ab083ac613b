/** Normalisation of message text with an offset map back to the original; records every disguise it undoes. */
package dev.chainbreaker.screen.text;
