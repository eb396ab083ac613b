/** Evaluation of the screener on labelled data sets. */
package dev.chainbreaker.screen.eval;
