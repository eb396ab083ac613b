/** The text classifier: hashed character n-gram features, liblinear training, compact model file. */
package dev.chainbreaker.screen.model;
