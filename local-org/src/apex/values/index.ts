// The value model's scalar classes (see ../../../DESIGN.md). Owned by apex/values/.
export {};
