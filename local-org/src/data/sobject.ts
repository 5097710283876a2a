// SObjectRecord: an SObject value, shared by the interpreter and the data layer.
// Owned by data/ (see ../../DESIGN.md). Field keys are lower-case API names.
export {};
