// Package analysis owns the NLP of records and their theme coding: the
// theme taxonomy, sentence splitting, term matching, proposals, references,
// the groups that speak jointly, emerging topics and trends, and the
// annotations stored beside each record.
package analysis
