/** Message screening: judges a text message and shows why. */
package dev.chainbreaker.screen;
