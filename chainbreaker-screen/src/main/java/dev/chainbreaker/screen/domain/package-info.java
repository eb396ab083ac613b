/** Public Suffix List matching and UTS #46 host processing. */
package dev.chainbreaker.screen.domain;
