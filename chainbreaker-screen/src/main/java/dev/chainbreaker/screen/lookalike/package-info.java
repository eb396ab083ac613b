/** Reverse lookalike detection, from an incoming host back to the brand it imitates. */
package dev.chainbreaker.screen.lookalike;
