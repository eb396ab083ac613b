/** Evidence rules and their combination into a verdict: links, senders, wording, categories, advice. */
package dev.chainbreaker.screen.rules;
