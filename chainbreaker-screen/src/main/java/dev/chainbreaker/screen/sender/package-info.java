/** Sender classification (Chinese numbering plan, foreign, alphanumeric) and checks against the claimed identity. */
package dev.chainbreaker.screen.sender;
