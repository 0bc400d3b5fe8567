import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A version of the focused-monitoring weights; the highest version is in force. Never updated. */
@Entity({ name: 'registry_score_weights' })
export class RegistryScoreWeightsEntity {
  @PrimaryGeneratedColumn()
  version: number;

  /** ScoreWeights as JSON. */
  @Column({ length: 500 })
  weights: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
