// Relationship health and churn risk of a contact, from their communication history.
export {
  moodOf,
  relationshipHealthOf,
  scoreRelationship,
  sentimentTrendOf,
  type RelationshipInput,
  type RelationshipScore,
} from './relationship';
