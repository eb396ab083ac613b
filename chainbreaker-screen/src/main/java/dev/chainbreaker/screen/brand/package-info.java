/** The brand registry: institutions, their names, official domains and sender numbers, and what they never do. */
package dev.chainbreaker.screen.brand;
