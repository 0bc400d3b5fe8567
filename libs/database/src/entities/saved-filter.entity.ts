import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An inbox filter a user saved under a name; `filters` is the case list's query as JSON. */
@Entity({ name: 'saved_filters' })
export class SavedFilterEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id' })
  userId: number;

  @Column({ length: 20 })
  name: string;

  @Column({ length: 1000 })
  filters: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
