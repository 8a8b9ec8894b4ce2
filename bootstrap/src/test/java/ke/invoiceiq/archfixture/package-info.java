/**
 * Deliberate violations of the dependency rule, one per rule of {@code ArchitectureRules}, plus compliant
 * neighbours. Test sources only, never part of the product; {@code ArchitectureRulesCanFailTest} proves with
 * them that every rule can fail (a rule that cannot fail is not a rule).
 */
package ke.invoiceiq.archfixture;
