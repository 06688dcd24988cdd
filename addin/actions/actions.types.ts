/** An action to add to the action plan, made from a criterion's gap. */
export interface NewAction {
  criterion: string;
  dimension: string;
  gap: number;
}
