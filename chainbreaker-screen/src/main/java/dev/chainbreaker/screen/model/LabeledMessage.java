package dev.chainbreaker.screen.model;

/** One record of a labelled data set (train.jsonl, dev.jsonl, the hand-written set). */
public record LabeledMessage(
    String id, String text, String sender, String label, String category, String lang,
    String source) {}
