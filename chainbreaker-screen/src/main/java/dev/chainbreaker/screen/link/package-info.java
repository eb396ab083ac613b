/** Link extraction from mixed CJK and Latin text, including scheme-less hosts, IPv4 hosts and shorteners. */
package dev.chainbreaker.screen.link;
