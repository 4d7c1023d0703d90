"""Accuracy benchmarks: cleaner against peers on OCR with human ground truth."""
