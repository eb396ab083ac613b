package dev.chainbreaker.core.graph;

/** What an identity-graph node stands for. */
public enum EntityKind { ID_NUMBER, CARD, ACCOUNT, DEVICE }
