/** Every table, for drizzle-kit to generate migrations from: one PostgreSQL schema. */
export * from "../crypto/schema";
export * from "../audit/schema";
export * from "../auth/schema";
export * from "../../modules/agencies/schema";
export * from "../../modules/cases/schema";
export * from "../../modules/pathway/schema";
export * from "../../modules/referrals/schema";
export * from "../../modules/rights/schema";
export * from "../../modules/alerts/schema";
export * from "../../modules/interview/schema";
export * from "../../modules/assistance/schema";
export * from "../../modules/children/schema";
export * from "../../modules/future/schema";
export * from "../../modules/shelters/schema";
export * from "../../modules/operations/schema";
export * from "../../modules/security/schema";
export * from "../../modules/coordination/schema";
